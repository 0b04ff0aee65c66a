using Awards.Api.Infrastructure;

namespace Awards.Api.Tests.Infrastructure;

public sealed class AwardsFactory(IReadOnlyDictionary<string, string?>? settings = null) : ServiceFactory<AwardsData>(settings);
