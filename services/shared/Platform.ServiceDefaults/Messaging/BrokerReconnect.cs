using System.Reflection;
using MassTransit;
using MassTransit.Configuration;

namespace Platform.ServiceDefaults.Messaging;

/// <summary>
/// After a broker outage MassTransit reconnects each receive endpoint, and every send, on its host's
/// <c>ReceiveTransportRetryPolicy</c>: exponential from 3 s to 30 s, so a broker back after 20 s down waited up to 30 s
/// more for the next attempt (the outbox stood still ~14 s, p50). The property has no setter in MassTransit 8, so its
/// backing field is replaced, once, while the bus is configured: the same exceptions handled (the original policy's own
/// <see cref="IRetryPolicy.IsHandled"/>), at most 1 s apart. A broker that is down sees one connection attempt a second
/// per endpoint, which costs it nothing. Should a later MassTransit rename the fields, nothing changes but the schedule,
/// and the caller logs it (a test pins that it applies).
/// </summary>
public static class BrokerReconnect
{
    public static readonly TimeSpan MaxInterval = TimeSpan.FromSeconds(1);

    public static bool Quicken(IBusFactoryConfigurator configurator)
    {
        var host = FieldsOf(configurator.GetType()).Select(f => f.GetValue(configurator)).OfType<IHostConfiguration>().FirstOrDefault();
        var policy = host is null ? null : FieldsOf(host.GetType()).FirstOrDefault(f => f.Name == "<ReceiveTransportRetryPolicy>k__BackingField");
        if (host is null || policy is null || host.ReceiveTransportRetryPolicy is not { } original) return false;
        policy.SetValue(host, Retry.CreatePolicy(x =>
        {
            x.Handle<Exception>(original.IsHandled);
            // About 8 hours of attempts, as MassTransit's own 1,000 at up to 30 s (the policy keeps one interval per attempt).
            x.Exponential(30_000, TimeSpan.FromMilliseconds(200), MaxInterval, TimeSpan.FromMilliseconds(200));
        }));
        return true;
    }

    /// <summary>The policy the bus's host now reconnects with (for the test that pins <see cref="Quicken"/>).</summary>
    public static IRetryPolicy? PolicyOf(IBusFactoryConfigurator configurator) =>
        FieldsOf(configurator.GetType()).Select(f => f.GetValue(configurator)).OfType<IHostConfiguration>().FirstOrDefault()?.ReceiveTransportRetryPolicy;

    private static IEnumerable<FieldInfo> FieldsOf(Type? type)
    {
        for (; type is not null; type = type.BaseType)
            foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                yield return field;
    }
}
