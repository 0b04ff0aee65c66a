using Platform.Gateway.Tests.Infrastructure;

[assembly: AssemblyFixture(typeof(Upstreams))]
