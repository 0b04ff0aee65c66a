using Platform.Testing;

[assembly: AssemblyFixture(typeof(RabbitMqServer))]
