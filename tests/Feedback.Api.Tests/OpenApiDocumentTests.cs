using Feedback.Api.Extensions;
using Feedback.Api.Tests.Infrastructure;
using Platform.Testing.Service;

namespace Feedback.Api.Tests;

public sealed class OpenApiDocumentTests
{
    [Fact]
    public async Task Every_operation_lists_the_problems_it_can_give()
    {
        await using var factory = new FeedbackFactory();
        await ServiceDocument.AssertListsProblemsAsync(factory.Services, factory.CreateClient(), FeedbackModule.Name);
    }
}
