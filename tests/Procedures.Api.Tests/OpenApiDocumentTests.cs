using Procedures.Api.Extensions;
using Procedures.Api.Tests.Infrastructure;
using Platform.Testing.Service;

namespace Procedures.Api.Tests;

public sealed class OpenApiDocumentTests
{
    [Fact]
    public async Task Every_operation_lists_the_problems_it_can_give()
    {
        await using var factory = new ProceduresFactory();
        await ServiceDocument.AssertListsProblemsAsync(factory.Services, factory.CreateClient(), ProceduresModule.Name);
    }
}
