namespace Feedback.Api.Infrastructure;

/// <summary>Marks feedback's own document store.</summary>
public sealed class FeedbackData;
