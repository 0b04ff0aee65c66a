using Platform.Contracts.Procedures;
using Platform.ServiceDefaults.Domain;

namespace Procedures.Api.Domain;

/// <summary>One version of a procedure's rules, in force from <see cref="EffectiveFrom"/>.</summary>
public sealed record ProcedureRevision
{
    public required int Number { get; init; }
    public required DateOnly EffectiveFrom { get; init; }
    public required string Name { get; init; }
    public required string Field { get; init; }
    /// <summary>Time limit in working days; 0 means the same day (trong ngày).</summary>
    public required int ProcessingDays { get; init; }
    public required IReadOnlyList<string> Components { get; init; }
    /// <summary>Fee in đồng; 0 when free of charge.</summary>
    public required long Fee { get; init; }
    public required string LegalBasis { get; init; }
    public DateOnly? PostedSince { get; init; }
    public required DateTime ChangedAt { get; init; }
    public string? ChangedBy { get; init; }
    public string? Reason { get; init; }
}

/// <summary>A step of an interconnected (liên thông) procedure, handled in order by its agency.</summary>
public sealed record ProcedureStep(string Name, string Agency, int ProcessingDays);

/// <summary>
/// An administrative procedure (thủ tục hành chính) of a commune's catalogue. Changes are revisions with an effective
/// date; the history is kept, and a revision dated in the future takes over on its day. Every change is announced
/// (<see cref="ProcedureChanged"/>), a new procedure as its first revision.
/// </summary>
public sealed record Procedure
{
    public required string Code { get; init; }
    public required IReadOnlyList<ProcedureRevision> Revisions { get; init; }
    /// <summary>Empty for an ordinary procedure; the ordered steps of an interconnected one.</summary>
    public IReadOnlyList<ProcedureStep> Steps { get; init; } = [];

    public ProcedureRevision InForceOn(DateOnly day) =>
        Revisions.Where(r => r.EffectiveFrom <= day).MaxBy(r => (r.EffectiveFrom, r.Number)) ?? Revisions.MinBy(r => r.EffectiveFrom)!;

    public bool IsInterconnected => Steps.Count > 0;

    public static Changed<Procedure> Create(string commune, string code, IReadOnlyList<ProcedureStep> steps, ProcedureRevision first)
    {
        var procedure = new Procedure { Code = code, Steps = steps, Revisions = [first] };
        return new(procedure, [procedure.Announce(commune, first, null)]);
    }

    /// <summary>Adds <paramref name="revision"/> (numbered next); the change is announced against the revision it replaces on its day.</summary>
    public Changed<Procedure> Revise(string commune, ProcedureRevision revision)
    {
        var revised = this with { Revisions = [.. Revisions, revision with { Number = Revisions.Max(r => r.Number) + 1 }] };
        return new(revised, [revised.Announce(commune, revised.Revisions[^1], InForceOn(revision.EffectiveFrom))]);
    }

    private ProcedureChanged Announce(string commune, ProcedureRevision revision, ProcedureRevision? previous) => new()
    {
        Commune = commune,
        ProcedureCode = Code,
        Name = revision.Name,
        Field = revision.Field,
        Revision = revision.Number,
        EffectiveFrom = revision.EffectiveFrom,
        ProcessingDays = revision.ProcessingDays,
        PreviousProcessingDays = previous?.ProcessingDays,
        ComponentCount = revision.Components.Count,
        PreviousComponentCount = previous?.Components.Count,
        Posted = revision.PostedSince is not null,
    };
}

public static class ProcedureRules
{
    public const int MaxProcessingDays = 120;

    public static readonly IReadOnlyList<string> Fields =
        ["tu-phap-ho-tich", "chung-thuc", "bao-hiem-y-te", "cu-tru", "lao-dong-thuong-binh-xa-hoi", "dat-dai", "xay-dung", "lien-thong", "khac"];
}
