using Personnel.Api.Extensions;
using Personnel.Api.Tests.Infrastructure;
using Platform.Testing.Service;

namespace Personnel.Api.Tests;

public sealed class OpenApiDocumentTests
{
    [Fact]
    public async Task Every_operation_lists_the_problems_it_can_give()
    {
        await using var factory = new PersonnelFactory();
        await ServiceDocument.AssertListsProblemsAsync(factory.Services, factory.CreateClient(), PersonnelModule.Name);
    }
}
