using Feedback.Api.Extensions;
using Feedback.Api.Infrastructure;
using Feedback.Api.Tests.Infrastructure;
using Platform.Testing.Service;

namespace Feedback.Api.Tests;

public sealed class OpenApiDocumentTests() : ServiceDocumentTests<FeedbackData>(() => new FeedbackFactory(), FeedbackModule.Name);
