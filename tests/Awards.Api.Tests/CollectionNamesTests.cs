using Awards.Api.Infrastructure;
using Platform.Testing.Storage;

namespace Awards.Api.Tests;

public sealed class CollectionNamesTests
{
    [Fact]
    public void Every_stored_document_type_keeps_its_collection() =>
        StoredDocumentTypes.AssertNamed(AwardsData.Collections, typeof(AwardsData).Assembly);
}
