namespace Platform.ServiceDefaults.Problems;

/// <summary>
/// The platform's limits on what a request may carry, shared by every service so that a name, a reason or a list is
/// bounded the same way everywhere (and the OpenAPI documents can say so). Checked through <see cref="InputValidation"/>.
/// </summary>
public static class InputLimits
{
    /// <summary>Codes and ids: slugs, staff ids, receipt numbers.</summary>
    public const int Code = 64;

    /// <summary>One line: a name, title, position, course, decision number, contact, address.</summary>
    public const int ShortText = 200;

    /// <summary>A citizen's comment on a survey.</summary>
    public const int Comment = 1000;

    /// <summary>A reason or note on a step: supplement, refusal, apology, evaluation, discipline.</summary>
    public const int Note = 2000;

    /// <summary>The longest free text: a feedback item, an answer, a rationale, evidence, a description.</summary>
    public const int LongText = 4000;

    /// <summary>Any list in a request: qualifications, components, authors, hamlets, contacts, steps.</summary>
    public const int ListItems = 100;

    /// <summary>The earliest date a record may carry: the platform's records start with the 2015 plan; older documents exist but not before 1990.</summary>
    public static readonly DateOnly EarliestDate = new(1990, 1, 1);

    /// <summary>The latest date a record may carry (the working calendar's last year).</summary>
    public static readonly DateOnly LatestDate = new(2100, 12, 31);
}
