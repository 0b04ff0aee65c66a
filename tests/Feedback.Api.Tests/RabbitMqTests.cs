using System.Collections.Concurrent;
using System.Net;
using MassTransit;
using Feedback.Api.Consumers;
using Feedback.Api.Domain;
using Feedback.Api.Extensions;
using Feedback.Api.Tests.Infrastructure;
using Platform.Contracts.Feedback;
using Platform.Contracts.Procedures;
using Platform.ServiceDefaults.Messaging;
using Platform.ServiceDefaults.Storage;
using Platform.Testing;
using RabbitMQ.Client;

namespace Feedback.Api.Tests;

/// <summary>
/// The feedback service on a real RabbitMQ broker (TEST_RABBITMQ, else a container, else 127.0.0.1:5672; skipped with
/// the reason when there is none), its queues under a prefix of their own and deleted afterwards.
/// </summary>
public sealed class RabbitFeedbackHost(RabbitMqServer rabbit) : FeedbackHost(Settings(rabbit, Prefix))
{
    private static readonly string Prefix = "fbt" + Guid.NewGuid().ToString("N")[..8];

    public RabbitMqServer Rabbit => rabbit;

    /// <summary>Queues a test declared on the broker (probes), deleted with the service's own.</summary>
    public ConcurrentBag<string> ExtraQueues { get; } = [];

    private static Dictionary<string, string?> Settings(RabbitMqServer rabbit, string prefix) => rabbit.IsAvailable
        ? new() { ["ConnectionStrings:rabbitmq"] = rabbit.ConnectionString, ["Messaging:QueuePrefix"] = prefix }
        : [];

    public override async ValueTask InitializeAsync()
    {
        if (rabbit.IsAvailable) await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        if (!rabbit.IsAvailable) return;
        await base.DisposeAsync();
        await using var connection = await new ConnectionFactory { Uri = new Uri(rabbit.ConnectionString!) }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var consumers = new[] { typeof(CommuneOnboardedConsumer), typeof(DossierReturnedConsumer), typeof(ProcedureChangedConsumer), typeof(StaffRegisteredConsumer) };
        foreach (var queue in consumers.Select(c => $"{Prefix}-{BusExtensions.QueueName(FeedbackModule.Name, c)}").Concat(ExtraQueues))
        {
            await channel.QueueDeleteAsync(queue);
            await channel.QueueDeleteAsync(queue + "_error");
        }
    }
}

public sealed class RabbitMqTests(RabbitFeedbackHost host) : IClassFixture<RabbitFeedbackHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Counts, per message id, the deliveries of one message type that a consumer finished or failed.</summary>
    private sealed class DeliveryCounter<T> : IConsumeObserver where T : class
    {
        public ConcurrentDictionary<Guid, int> Consumed { get; } = new();
        public ConcurrentDictionary<Guid, int> Faulted { get; } = new();

        public Task PreConsume<TMessage>(ConsumeContext<TMessage> context) where TMessage : class => Task.CompletedTask;

        public Task PostConsume<TMessage>(ConsumeContext<TMessage> context) where TMessage : class
        {
            if (context.Message is T) Consumed.AddOrUpdate(context.MessageId!.Value, 1, (_, n) => n + 1);
            return Task.CompletedTask;
        }

        public Task ConsumeFault<TMessage>(ConsumeContext<TMessage> context, Exception exception) where TMessage : class
        {
            if (context.Message is T) Faulted.AddOrUpdate(context.MessageId!.Value, 1, (_, n) => n + 1);
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task A_dossier_returned_on_the_broker_twice_gives_one_usable_survey_code()
    {
        host.Rabbit.Require();
        var counter = new DeliveryCounter<DossierReturned>();
        var observer = host.Factory.Bus.ConnectConsumeObserver(counter);
        try
        {
            var messageId = NewId.NextGuid();
            var code = TrackingCodes.New();
            var dossierId = "rb" + Guid.NewGuid().ToString("N")[..10];
            var returned = new DossierReturned
            {
                Commune = Seed.MyThanh, DossierId = dossierId, ProcedureCode = Seed.Birth, HandlerId = Seed.DeskOfficer, SurveyCode = code, ReturnedAt = DateTime.UtcNow,
            };

            await host.Factory.Bus.Publish(returned, c => c.MessageId = messageId, Ct);
            await host.Factory.Bus.Publish(returned, c => c.MessageId = messageId, Ct);

            await Eventually.TrueAsync(() => Task.FromResult(counter.Consumed.GetValueOrDefault(messageId) == 2), "both deliveries to be consumed");
            Assert.Equal(0, counter.Faulted.GetValueOrDefault(messageId));
            var invitations = await host.Factory.Store.QueryAsync<SurveyInvitation>(Scopes.Platform, new Query(Filter.Eq("dossierId", dossierId)), Ct);
            Assert.Equal(code, Assert.Single(invitations).Document.Code);
            var view = await host.Client.GetAsync($"/api/public/surveys/{code}", null).JsonAsync(HttpStatusCode.OK);
            Assert.Equal(Seed.BirthName, view.Str("procedureName"));
            await host.Client.PostJsonAsync($"/api/public/surveys/{code}", null, new { level = "satisfied" }).JsonAsync(HttpStatusCode.Created);
            await host.Client.PostJsonAsync($"/api/public/surveys/{code}", null, new { level = "satisfied" }).ProblemAsync(HttpStatusCode.Conflict, "survey-answered");
        }
        finally
        {
            observer.Disconnect();
        }
    }

    [Fact]
    public async Task A_rating_raises_satisfaction_rated_that_a_consumer_on_the_broker_receives()
    {
        host.Rabbit.Require();
        await using var probe = await EventProbe<SatisfactionRated>.StartAsync(host.Factory.Bus);
        host.ExtraQueues.Add(probe.QueueName);
        var code = await host.ReturnDossierAsync(procedureCode: Seed.Residence, handlerId: Seed.OfficeClerk);

        await host.Client.PostJsonAsync($"/api/public/surveys/{code}", null, new { level = "very-satisfied", factors = new { officer = 5 } })
            .JsonAsync(HttpStatusCode.Created);

        var rated = await probe.WaitForAsync(e => e.ProcedureCode == Seed.Residence && e.HandlerId == Seed.OfficeClerk, "SatisfactionRated on the broker");
        Assert.Equal((Seed.MyThanh, SatisfactionLevel.VerySatisfied), (rated.Commune, rated.Level));
    }

    [Fact]
    public async Task Feedback_received_on_the_broker_carries_its_due_date()
    {
        host.Rabbit.Require();
        await using var probe = await EventProbe<FeedbackReceived>.StartAsync(host.Factory.Bus);
        host.ExtraQueues.Add(probe.QueueName);
        host.Clock.SetLocal(2026, 2, 13, 9, 0);

        var id = (await host.SubmitAsync()).Str("id");

        Assert.Equal(new DateOnly(2026, 3, 6), (await probe.WaitForAsync(e => e.FeedbackId == id, "FeedbackReceived on the broker")).DueDate);
    }
}
