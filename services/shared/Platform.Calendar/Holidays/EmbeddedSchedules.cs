namespace Platform.Calendar.Holidays;

/// <summary>The official schedules shipped as embedded resources (Schedules/YYYY.json); see README.md for sources.</summary>
internal static class EmbeddedSchedules
{
    private const string Prefix = "Platform.Calendar.Schedules.";

    private static readonly Lazy<IReadOnlyList<OfficialSchedule>> Loaded = new(Load);

    public static IReadOnlyList<OfficialSchedule> All => Loaded.Value;

    private static IReadOnlyList<OfficialSchedule> Load()
    {
        var assembly = typeof(EmbeddedSchedules).Assembly;
        var schedules = new List<OfficialSchedule>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).Order())
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            var schedule = OfficialSchedule.Parse(reader.ReadToEnd());
            if (name != $"{Prefix}{schedule.Year}.json")
                throw new InvalidOperationException($"Embedded schedule {name} declares year {schedule.Year}.");
            schedules.Add(schedule);
        }
        return schedules;
    }
}
