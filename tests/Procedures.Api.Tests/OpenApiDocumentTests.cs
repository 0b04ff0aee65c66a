using Procedures.Api.Extensions;
using Procedures.Api.Infrastructure;
using Procedures.Api.Tests.Infrastructure;
using Platform.Testing.Service;

namespace Procedures.Api.Tests;

public sealed class OpenApiDocumentTests() : ServiceDocumentTests<ProceduresData>(() => new ProceduresFactory(), ProceduresModule.Name);
