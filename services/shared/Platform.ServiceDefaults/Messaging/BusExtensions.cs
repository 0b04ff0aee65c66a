using System.Text.RegularExpressions;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Platform.ServiceDefaults.Messaging;

public static partial class BusExtensions
{
    /// <summary>
    /// Registers a consumer of a service. Its queue is named after the service and the consumer
    /// (<c>procedures-commune-onboarded</c>) so that two services never compete for one queue.
    /// </summary>
    public static IHostApplicationBuilder AddConsumer<TConsumer>(this IHostApplicationBuilder builder, string service)
        where TConsumer : class, IConsumer
    {
        Consumers(builder.Services).Registered.Add((service, typeof(TConsumer)));
        return builder;
    }

    public static string QueueName(string service, Type consumer) =>
        $"{service}-{KebabCase(ConsumerSuffix().Replace(consumer.Name.Split('`')[0], ""))}";

    /// <summary>
    /// MassTransit on RabbitMQ when <c>ConnectionStrings:rabbitmq</c> is set, else the in-memory transport;
    /// the same consumers either way. Call after every service has added its consumers.
    /// </summary>
    public static IHostApplicationBuilder AddPlatformBus(this IHostApplicationBuilder builder)
    {
        var consumers = Consumers(builder.Services);
        var rabbit = builder.Configuration.GetConnectionString("rabbitmq");
        // Several deployments sharing one broker (or test runs) keep apart with a prefix on queues and exchanges alike: with
        // shared exchanges, one deployment's events would reach the other's queues. A vhost does it too.
        var prefix = consumers.Prefix = builder.Configuration["Messaging:QueuePrefix"] is { Length: > 0 } p ? p + "-" : "";
        builder.Services.TryAddSingleton<Security.SessionRevocations>();
        builder.Services.AddMassTransit(bus =>
        {
            foreach (var (_, consumer) in consumers.Registered)
                bus.AddConsumer(consumer, typeof(PlatformConsumerDefinition<>).MakeGenericType(consumer));
            bus.AddConsumer<Security.AccountSessionsRevokedConsumer, SessionsRevokedConsumerDefinition>();
            if (string.IsNullOrWhiteSpace(rabbit))
                bus.UsingInMemory((context, cfg) => ConfigureCommon(context, cfg));
            else
                bus.UsingRabbitMq((context, cfg) =>
                {
                    cfg.Host(new Uri(rabbit));
                    if (!BrokerReconnect.Quicken(cfg))
                        context.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(BrokerReconnect))
                            .LogWarning("MassTransit's reconnect schedule could not be shortened; recovery after a broker outage may take up to 30 s");
                    if (prefix.Length > 0) cfg.MessageTopology.SetEntityNameFormatter(new PrefixEntityNameFormatter(cfg.MessageTopology.EntityNameFormatter, prefix));
                    ConfigureCommon(context, cfg);
                });
        });
        builder.Services.Configure<MassTransitHostOptions>(o =>
        {
            o.WaitUntilStarted = false; // a broker outage must not stop the service from answering reads
            o.StopTimeout = TimeSpan.FromSeconds(10);
        });
        return builder;
    }

    private static void ConfigureCommon<TEndpoint>(IBusRegistrationContext context, IBusFactoryConfigurator<TEndpoint> cfg)
        where TEndpoint : IReceiveEndpointConfigurator
    {
        // The bus writes events as the APIs and the outbox do: kebab-case enums, instants with their fixed fraction. The
        // options are MassTransit's static ones, read-only once a message was written (a second bus in the same process).
        cfg.ConfigureJsonSerializerOptions(options => PlatformJson.Configure(options.IsReadOnly ? new System.Text.Json.JsonSerializerOptions(options) : options));
        cfg.UseConsumeFilter(typeof(CommuneLogScopeFilter<>), context);
        cfg.ConfigureEndpoints(context);
    }

    private static PlatformConsumers Consumers(IServiceCollection services)
    {
        if (services.FirstOrDefault(d => d.ServiceType == typeof(PlatformConsumers))?.ImplementationInstance is PlatformConsumers existing) return existing;
        var consumers = new PlatformConsumers();
        services.AddSingleton(consumers);
        return consumers;
    }

    private static string KebabCase(string name) => UpperBoundary().Replace(name, "$1-$2").ToLowerInvariant();

    [GeneratedRegex("Consumer$")]
    private static partial Regex ConsumerSuffix();

    [GeneratedRegex("([a-z0-9])([A-Z])")]
    private static partial Regex UpperBoundary();
}

/// <summary>Puts the commune and correlation id of each consumed message into the log scope.</summary>
public sealed class CommuneLogScopeFilter<T>(ILogger<CommuneLogScopeFilter<T>> logger) : IFilter<ConsumeContext<T>> where T : class
{
    public async Task Send(ConsumeContext<T> context, IPipe<ConsumeContext<T>> next)
    {
        using (logger.BeginScope("Message {MessageId} correlation {CorrelationId} commune {Commune}",
                   context.MessageId, context.CorrelationId, context.Headers.Get<string>(PlatformHeaders.Commune)))
        {
            await next.Send(context);
        }
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("commune-log-scope");
}
