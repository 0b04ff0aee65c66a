namespace Platform.Web.Components.Pages.Print;

/// <summary>What the printed forms read of a dossier (<c>GET /api/communes/{c}/dossiers/{id}</c>).</summary>
public sealed record PrintDossier
{
    public string Id { get; init; } = "";
    public string ReceiptNo { get; init; } = "";
    public string ProcedureName { get; init; } = "";
    public int ProcessingDays { get; init; }
    public IReadOnlyList<string> Components { get; init; } = [];
    public PrintApplicant Applicant { get; init; } = new();
    public DateTime ReceivedAt { get; init; }
    public DateOnly DueDate { get; init; }
    public DateOnly AppointmentDate { get; init; }
    /// <summary>The API's slug: received, in-progress, supplement-requested, resolved, returned, withdrawn.</summary>
    public string Status { get; init; } = "";
    public string? ReceivedBy { get; init; }
    public string? HandlerName { get; init; }
    public string? Outcome { get; init; }
    public string? OutcomeNote { get; init; }
    public DateTime? ResolvedAt { get; init; }
    public DateTime? ReturnedAt { get; init; }
    public string? SurveyCode { get; init; }
    public IReadOnlyList<PrintSupplement> Supplements { get; init; } = [];
    public IReadOnlyList<PrintApology> Apologies { get; init; } = [];
    public IReadOnlyList<PrintStep> Steps { get; init; } = [];
}

public sealed record PrintApplicant
{
    public string Name { get; init; } = "";
    public string Phone { get; init; } = "";
    public string? Hamlet { get; init; }
}

public sealed record PrintSupplement(string Reason, DateTime RequestedAt, DateTime? ReceivedAt);

public sealed record PrintApology(string Reason, DateOnly PreviousDueDate, DateOnly NewDueDate, DateTime IssuedAt, string? IssuedBy);

public sealed record PrintStep(string Name, string Agency, DateOnly DueDate);

/// <summary>The issuing commune (<c>GET /api/communes/{c}</c>): "Xã Mỹ Thạnh" of "Huyện Giồng Trôm".</summary>
public sealed record PrintCommune
{
    public string Code { get; init; } = "";
    public string Name { get; init; } = "";
    public string? DistrictName { get; init; }
    public string? DistrictKind { get; init; }
    public IReadOnlyList<PrintHamlet> Hamlets { get; init; } = [];

    /// <summary>"xã Mỹ Thạnh": the unit's kind in lower case, as it stands inside a sentence.</summary>
    public string Unit => Name.Length > 0 && char.IsUpper(Name[0]) && Name.Contains(' ') ? char.ToLower(Name[0], WebAppExtensions.Vietnamese) + Name[1..] : Name;

    /// <summary>"UBND xã Mỹ Thạnh".</summary>
    public string DisplayName => "UBND " + Unit;

    /// <summary>The place written before the date: "Mỹ Thạnh".</summary>
    public string Place => StripKind(Name, "Xã ", "Phường ", "Thị trấn ", "Đặc khu ");

    /// <summary>The parent authority on the first header line: "UBND HUYỆN GIỒNG TRÔM" (or "UBND TỈNH …").</summary>
    public string? ParentHeading => string.IsNullOrWhiteSpace(DistrictName) ? null
        : ("UBND " + (DistrictKind == "province" ? "tỉnh " : "huyện ") + StripKind(DistrictName, "Huyện ", "Tỉnh ", "Thành phố ", "Thị xã ", "Quận ")).ToUpper(WebAppExtensions.Vietnamese);

    public string? HamletName(string? code) => code is null ? null : Hamlets.FirstOrDefault(h => h.Code == code)?.Name ?? code;

    private static string StripKind(string name, params string[] kinds) =>
        kinds.FirstOrDefault(k => name.StartsWith(k, StringComparison.OrdinalIgnoreCase)) is { } kind ? name[kind.Length..] : name;
}

public sealed record PrintHamlet(string Code, string Name);

/// <summary>One leader in the commune's public hotline directory (<c>GET /api/communes/{c}/hotline</c>).</summary>
public sealed record PrintHotline(IReadOnlyList<PrintContact>? Contacts)
{
    /// <summary>The chairman, who signs the apology letter: the contact titled "Chủ tịch …" (not a vice-chairman).</summary>
    public string? Chairman => Contacts?.FirstOrDefault(c => c.Title?.StartsWith("Chủ tịch", StringComparison.OrdinalIgnoreCase) == true)?.Name;
}

public sealed record PrintContact(string? Name, string? Title, string? Phone);
