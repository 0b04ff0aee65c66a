namespace Platform.Web.Components.Pages.Feedback;

/// <summary>What a MudTable's own &lt;table&gt; carries: its accessible name and a stable selector for the browser tests.</summary>
public static class AccessibleTable
{
    public static Dictionary<string, object> Table(string label, string testId) => new() { ["aria-label"] = label, ["data-testid"] = testId };
}
