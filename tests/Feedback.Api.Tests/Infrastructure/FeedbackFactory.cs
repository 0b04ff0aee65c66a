using Feedback.Api.Infrastructure;

namespace Feedback.Api.Tests.Infrastructure;

public sealed class FeedbackFactory(IReadOnlyDictionary<string, string?>? settings = null, bool kestrel = false) : ServiceFactory<FeedbackData>(settings, kestrel);
