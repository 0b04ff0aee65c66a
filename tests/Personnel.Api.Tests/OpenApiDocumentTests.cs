using Personnel.Api.Extensions;
using Personnel.Api.Infrastructure;
using Personnel.Api.Tests.Infrastructure;
using Platform.Testing.Service;

namespace Personnel.Api.Tests;

public sealed class OpenApiDocumentTests() : ServiceDocumentTests<PersonnelData>(() => new PersonnelFactory(), PersonnelModule.Name);
