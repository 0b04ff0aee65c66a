namespace Feedback.Api.Localization;

/// <summary>The keys of feedback's messages; the texts are in FeedbackMessages.resx (Vietnamese, the default) and FeedbackMessages.en.resx.</summary>
public static class FeedbackMessages
{
    public const string FeedbackItem = "feedback.noun.item";
    public const string SurveyCode = "feedback.noun.survey-code";
    public const string Jurisdiction = "feedback.noun.jurisdiction";
    public const string ServiceCode = "feedback.noun.service-code";
    public const string ServiceRequest = "feedback.noun.service-request";
    public const string Token = "feedback.noun.token";
    public const string IllegalTransition = "feedback.item.illegal-transition";
    public const string ActionAssign = "feedback.item.action.assign";
    public const string ActionAnswer = "feedback.item.action.answer";
    public const string ActionClose = "feedback.item.action.close";
    public const string StatusReceived = "feedback.item.status.received";
    public const string StatusAssigned = "feedback.item.status.assigned";
    public const string StatusAnswered = "feedback.item.status.answered";
    public const string StatusClosed = "feedback.item.status.closed";
    public const string ConflictOfInterest = "feedback.item.conflict-of-interest";
    public const string UpheldRequired = "feedback.field.upheld-required";
    public const string UpheldNotApplicable = "feedback.field.upheld-not-applicable";
    public const string CloseNote = "feedback.field.close-note";
    public const string NotAChannel = "feedback.field.not-a-channel";
    public const string StaffChannel = "feedback.field.staff-channel";
    public const string NotAProcedure = "feedback.field.not-a-procedure";
    public const string NotStaff = "feedback.field.not-staff";
    public const string SetByCommune = "feedback.field.set-by-commune";
    public const string WithinLastYear = "feedback.field.within-last-year";
    public const string PublishRequired = "feedback.field.publish-required";
    public const string LevelRequired = "feedback.field.level-required";
    public const string SurveyAnswered = "feedback.survey.answered";
    public const string JurisdictionRequired = "feedback.open311.jurisdiction-required";
    public const string Coordinate = "feedback.open311.coordinate";
    public const string LatLong = "feedback.open311.lat-long";
    public const string OpenOrClosed = "feedback.open311.open-or-closed";
    public const string W3cDate = "feedback.open311.w3c-date";
    public const string BodyNotParsed = "feedback.open311.body-not-parsed";
    public const string BodyMediaType = "feedback.open311.body-media-type";
    public const string FieldError = "feedback.open311.field-error";
}
