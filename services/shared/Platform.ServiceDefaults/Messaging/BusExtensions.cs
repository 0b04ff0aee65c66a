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
        Registrations(builder.Services).Add(new ConsumerRegistration(service, typeof(TConsumer)));
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
        var consumers = Registrations(builder.Services);
        var rabbit = builder.Configuration.GetConnectionString("rabbitmq");
        // Several deployments sharing one broker (or test runs) keep apart with a prefix on queues and exchanges alike: with
        // shared exchanges, one deployment's events would reach the other's queues. A vhost does it too.
        var prefix = builder.Configuration["Messaging:QueuePrefix"] is { Length: > 0 } p ? p + "-" : "";
        builder.Services.TryAddSingleton<Security.SessionRevocations>();
        builder.Services.AddMassTransit(bus =>
        {
            foreach (var registration in consumers)
                bus.AddConsumer(registration.Consumer).Endpoint(e => e.Name = prefix + QueueName(registration.Service, registration.Consumer));
            // Every process (each replica too) refuses a revoked session at once: a temporary queue of its own, not a shared one.
            bus.AddConsumer<Security.AccountSessionsRevokedConsumer>().Endpoint(e =>
            {
                e.Name = prefix + "sessions-revoked-" + Guid.NewGuid().ToString("N")[..12];
                e.Temporary = true;
            });
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
        // Short, immediate retries (Debian's RabbitMQ has no delayed exchange); then the error queue.
        cfg.UseMessageRetry(r => r.Intervals(100, 500, 1500));
        cfg.UseConsumeFilter(typeof(CommuneLogScopeFilter<>), context);
        cfg.ConfigureEndpoints(context);
    }

    private static List<ConsumerRegistration> Registrations(IServiceCollection services)
    {
        var existing = services.FirstOrDefault(d => d.ServiceType == typeof(List<ConsumerRegistration>))?.ImplementationInstance;
        if (existing is List<ConsumerRegistration> list) return list;
        list = [];
        services.AddSingleton(list);
        return list;
    }

    private static string KebabCase(string name) => UpperBoundary().Replace(name, "$1-$2").ToLowerInvariant();

    [GeneratedRegex("Consumer$")]
    private static partial Regex ConsumerSuffix();

    [GeneratedRegex("([a-z0-9])([A-Z])")]
    private static partial Regex UpperBoundary();

    private sealed record ConsumerRegistration(string Service, Type Consumer);
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
