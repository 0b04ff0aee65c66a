using Procedures.Api.Infrastructure;
using Platform.Testing.Storage;

namespace Procedures.Api.Tests;

public sealed class CollectionNamesTests
{
    [Fact]
    public void Every_stored_document_type_keeps_its_collection() =>
        StoredDocumentTypes.AssertNamed(ProceduresData.Collections, typeof(ProceduresData).Assembly);
}
