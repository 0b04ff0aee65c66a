using Platform.Testing;

namespace Awards.Api.Tests.Infrastructure;

/// <summary>The awards service on the real RabbitMQ (queues under a prefix of their own); tests are skipped, saying why, where no broker answers.</summary>
public sealed class RabbitAwardsHost(RabbitMqServer rabbit) : AwardsHost(Settings(rabbit))
{
    private static Dictionary<string, string?> Settings(RabbitMqServer rabbit) => new()
    {
        ["ConnectionStrings:rabbitmq"] = rabbit.ConnectionString,
        ["Messaging:QueuePrefix"] = "awards-test-" + Guid.NewGuid().ToString("N")[..8],
    };

    public override async ValueTask InitializeAsync()
    {
        if (!rabbit.IsAvailable) return;
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        if (rabbit.IsAvailable) await base.DisposeAsync();
    }

    public void Require() => rabbit.Require();
}
