using Feedback.Api.Infrastructure;
using Platform.Testing.Storage;

namespace Feedback.Api.Tests;

public sealed class CollectionNamesTests
{
    [Fact]
    public void Every_stored_document_type_keeps_its_collection() =>
        StoredDocumentTypes.AssertNamed(FeedbackData.Collections, typeof(FeedbackData).Assembly);
}
