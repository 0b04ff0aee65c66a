using DotNet.Testcontainers.Containers;
using Testcontainers.MongoDb;
using Testcontainers.RabbitMq;
using Testcontainers.Redis;

namespace Platform.Testing;

/// <summary>
/// RabbitMQ: <c>TEST_RABBITMQ</c> (an AMQP URI such as <c>amqp://guest:guest@127.0.0.1:5672/</c>),
/// else a container, else a local broker on 127.0.0.1:5672 with guest/guest.
/// </summary>
public sealed class RabbitMqServer : InfrastructureServer
{
    /// <summary>Image used when a Docker engine is available.</summary>
    public const string Image = "rabbitmq:4.1";

    /// <inheritdoc />
    protected override string Name => "RabbitMQ";

    /// <inheritdoc />
    public override string EnvironmentVariable => "TEST_RABBITMQ";

    /// <inheritdoc />
    protected override int LocalPort => 5672;

    /// <inheritdoc />
    protected override string LocalConnectionString => "amqp://guest:guest@127.0.0.1:5672/";

    /// <inheritdoc />
    protected override IContainer BuildContainer() => new RabbitMqBuilder(Image).Build();

    /// <inheritdoc />
    protected override string ContainerConnectionString(IContainer container) =>
        ((RabbitMqContainer)container).GetConnectionString();
}

/// <summary>
/// Redis: <c>TEST_REDIS</c> (a StackExchange.Redis configuration string such as <c>127.0.0.1:6379</c>),
/// else a container, else a local server on 127.0.0.1:6379.
/// </summary>
public sealed class RedisServer : InfrastructureServer
{
    /// <summary>Image used when a Docker engine is available.</summary>
    public const string Image = "redis:7.4";

    /// <inheritdoc />
    protected override string Name => "Redis";

    /// <inheritdoc />
    public override string EnvironmentVariable => "TEST_REDIS";

    /// <inheritdoc />
    protected override int LocalPort => 6379;

    /// <inheritdoc />
    protected override string LocalConnectionString => "127.0.0.1:6379";

    /// <inheritdoc />
    protected override IContainer BuildContainer() => new RedisBuilder(Image).Build();

    /// <inheritdoc />
    protected override string ContainerConnectionString(IContainer container) =>
        ((RedisContainer)container).GetConnectionString();
}

/// <summary>
/// MongoDB: <c>TEST_MONGO</c> (a <c>mongodb://</c> URI), else a single-node replica set container
/// (transactions need a replica set), else a local server on 127.0.0.1:27017 (which may be a
/// standalone server without transaction support).
/// </summary>
public sealed class MongoServer : InfrastructureServer
{
    /// <summary>Image used when a Docker engine is available.</summary>
    public const string Image = "mongo:8.0";

    /// <inheritdoc />
    protected override string Name => "MongoDB";

    /// <inheritdoc />
    public override string EnvironmentVariable => "TEST_MONGO";

    /// <inheritdoc />
    protected override int LocalPort => 27017;

    /// <inheritdoc />
    protected override string LocalConnectionString => "mongodb://127.0.0.1:27017/";

    /// <inheritdoc />
    protected override IContainer BuildContainer() => new MongoDbBuilder(Image).WithReplicaSet("rs0").Build();

    /// <inheritdoc />
    protected override string ContainerConnectionString(IContainer container) =>
        ((MongoDbContainer)container).GetConnectionString();
}
