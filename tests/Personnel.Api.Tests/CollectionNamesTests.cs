using Personnel.Api.Infrastructure;
using Platform.Testing.Storage;

namespace Personnel.Api.Tests;

public sealed class CollectionNamesTests
{
    [Fact]
    public void Every_stored_document_type_keeps_its_collection() =>
        StoredDocumentTypes.AssertNamed(PersonnelData.Collections, typeof(PersonnelData).Assembly);
}
