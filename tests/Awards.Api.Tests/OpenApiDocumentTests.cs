using Awards.Api.Extensions;
using Awards.Api.Tests.Infrastructure;
using Platform.Testing.Service;

namespace Awards.Api.Tests;

public sealed class OpenApiDocumentTests
{
    [Fact]
    public async Task Every_operation_lists_the_problems_it_can_give()
    {
        await using var factory = new AwardsFactory();
        await ServiceDocument.AssertListsProblemsAsync(factory.Services, factory.CreateClient(), AwardsModule.Name);
    }
}
