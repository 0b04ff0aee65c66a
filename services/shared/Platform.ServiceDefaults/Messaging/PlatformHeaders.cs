namespace Platform.ServiceDefaults.Messaging;

public static class PlatformHeaders
{
    /// <summary>The commune a message concerns; every message carries it.</summary>
    public const string Commune = "commune";
    public const string CorrelationHttp = "X-Correlation-Id";
}
