using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Procedures.Api.Infrastructure;

namespace Procedures.Api.Tests;

/// <summary>A consumer that gives up on a message fails <see cref="ServiceFactory{TData}.ConsumeAsync{T}"/> at once, with its exception.</summary>
public sealed class ConsumeAsyncTests
{
    [Fact]
    public async Task A_consumer_that_throws_fails_the_wait_with_its_exception()
    {
        await using var factory = new ThrowingConsumerFactory();
        factory.CreateClient().Dispose();
        await factory.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(30));

        var failure = await Assert.ThrowsAsync<Xunit.Sdk.FailException>(() => factory.ConsumeAsync(new Poison("mt-tu-phap")));

        Assert.Contains(nameof(InvalidOperationException), failure.Message);
        Assert.Contains("The roster is unreadable for mt-tu-phap", failure.Message);
    }

    public sealed record Poison(string StaffId);

    public sealed class ThrowingConsumer : IConsumer<Poison>
    {
        public Task Consume(ConsumeContext<Poison> context) =>
            throw new InvalidOperationException($"The roster is unreadable for {context.Message.StaffId}");
    }

    /// <summary>The procedures service with one more consumer, added through MassTransit's harness (which keeps the service's own).</summary>
    private sealed class ThrowingConsumerFactory : ServiceFactory<ProceduresData>
    {
        protected override void ConfigureServices(IServiceCollection services) => services.AddMassTransitTestHarness(bus => bus.AddConsumer<ThrowingConsumer>());
    }
}
