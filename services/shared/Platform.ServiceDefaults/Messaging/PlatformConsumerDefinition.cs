using System.Collections.Concurrent;
using System.Reflection;
using MassTransit;

namespace Platform.ServiceDefaults.Messaging;

/// <summary>
/// How every service consumer listens: its queue named after the service and the consumer, short immediate retries
/// (Debian's RabbitMQ has no delayed exchange) and then the error queue, a bounded number of messages at a time, and
/// one commune's messages one after another across all the service's queues.
/// </summary>
/// <remarks>
/// A commune's consumers update the same documents (awards' indicators, the radio counter), so two of them at once would
/// conflict and one would redo its work. The partitioner is one per service, shared by its endpoints, so that holds across
/// queues too. It orders one process only: replicas still conflict, and the inbox's conflict retry remains the safety net.
/// </remarks>
public sealed class PlatformConsumerDefinition<TConsumer> : ConsumerDefinition<TConsumer> where TConsumer : class, IConsumer
{
    private readonly PlatformConsumers _consumers;
    private readonly string _service;

    public PlatformConsumerDefinition(PlatformConsumers consumers)
    {
        _consumers = consumers;
        _service = consumers.ServiceOf(typeof(TConsumer));
        EndpointName = consumers.Prefix + BusExtensions.QueueName(_service, typeof(TConsumer));
        ConcurrentMessageLimit = PlatformConsumers.MessageLimit;
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<TConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        endpointConfigurator.UseMessageRetry(PlatformRetry.Immediate);
        var partitioner = _consumers.PartitionerOf(_service, endpointConfigurator);
        foreach (var message in typeof(TConsumer).GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IConsumer<>)))
            PartitionMethod.MakeGenericMethod(message.GetGenericArguments()[0]).Invoke(null, [consumerConfigurator, partitioner]);
    }

    private static readonly MethodInfo PartitionMethod =
        typeof(PlatformConsumerDefinition<TConsumer>).GetMethod(nameof(PartitionByCommune), BindingFlags.NonPublic | BindingFlags.Static)!;

    private static void PartitionByCommune<TMessage>(IConsumerConfigurator<TConsumer> consumer, IPartitioner partitioner) where TMessage : class =>
        consumer.Message<TMessage>(m => m.UsePartitioner(partitioner, CommuneKey<TMessage>.Of));
}

public static class PlatformRetry
{
    public static void Immediate(IRetryConfigurator retry) => retry.Intervals(100, 500, 1500);
}

/// <summary>The consumers each service added, and each service's partitioner.</summary>
public sealed class PlatformConsumers
{
    /// <summary>Messages a queue takes at a time; as many partitions, so that one busy commune leaves room for the others.</summary>
    public const int MessageLimit = 8;

    private readonly ConcurrentDictionary<string, IPartitioner> _partitioners = new();

    internal List<(string Service, Type Consumer)> Registered { get; } = [];

    /// <summary>Keeps deployments sharing one broker apart (<c>Messaging:QueuePrefix</c> and a dash).</summary>
    public string Prefix { get; internal set; } = "";

    /// <summary>This process's own queue for revoked sessions: named once, however often its definition is made.</summary>
    internal string SessionsRevokedQueue { get; } = "sessions-revoked-" + Guid.NewGuid().ToString("N")[..12];

    public string ServiceOf(Type consumer) => Registered.First(r => r.Consumer == consumer).Service;

    internal IPartitioner PartitionerOf(string service, IReceiveEndpointConfigurator endpoint) =>
        _partitioners.GetOrAdd(service, _ => endpoint.CreatePartitioner(MessageLimit));
}

/// <summary>A message's commune: its header, else its <c>Commune</c> property; messages of no commune share one partition.</summary>
internal static class CommuneKey<TMessage> where TMessage : class
{
    private static readonly Func<TMessage, string?>? Property =
        typeof(TMessage).GetProperty("Commune", typeof(string))?.GetMethod?.CreateDelegate<Func<TMessage, string?>>();

    public static string Of(ConsumeContext<TMessage> context) =>
        context.Headers.Get<string>(PlatformHeaders.Commune) ?? Property?.Invoke(context.Message) ?? "";
}

/// <summary>Every process (each replica too) refuses a revoked session at once: a temporary queue of its own, not a shared one.</summary>
public sealed class SessionsRevokedConsumerDefinition : ConsumerDefinition<Security.AccountSessionsRevokedConsumer>
{
    public SessionsRevokedConsumerDefinition(PlatformConsumers consumers) => Endpoint(e =>
    {
        e.Name = consumers.Prefix + consumers.SessionsRevokedQueue;
        e.Temporary = true;
    });

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<Security.AccountSessionsRevokedConsumer> consumerConfigurator, IRegistrationContext context) =>
        endpointConfigurator.UseMessageRetry(PlatformRetry.Immediate);
}
