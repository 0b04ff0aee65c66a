using Feedback.Api.Domain;
using Platform.ServiceDefaults.Storage;

namespace Feedback.Api.Infrastructure;

/// <summary>Marks feedback's own document store.</summary>
public sealed class FeedbackData
{
    /// <summary>Where each stored type lives; a name, once data exists under it, never changes.</summary>
    public static CollectionNames Collections { get; } = CollectionNames.Platform()
        .Add<FeedbackChannel>("feedbackChannel")
        .Add<FeedbackItem>("feedbackItem")
        .Add<ProcedureRef>("procedureRef")
        .Add<StaffRef>("staffRef")
        .Add<SurveyInvitation>("surveyInvitation")
        .Add<SurveyResponse>("surveyResponse");
}
