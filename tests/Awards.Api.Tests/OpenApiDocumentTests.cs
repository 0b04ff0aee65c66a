using Awards.Api.Extensions;
using Awards.Api.Infrastructure;
using Awards.Api.Tests.Infrastructure;
using Platform.Testing.Service;

namespace Awards.Api.Tests;

public sealed class OpenApiDocumentTests() : ServiceDocumentTests<AwardsData>(() => new AwardsFactory(), AwardsModule.Name);
