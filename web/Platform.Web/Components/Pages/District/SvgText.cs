using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace Platform.Web.Components.Pages.District;

/// <summary>An SVG &lt;text&gt; label (Razor reserves the tag in code blocks): centred at x (per cent of the chart) and y (pixels).</summary>
public sealed class SvgText : ComponentBase
{
    [Parameter, EditorRequired] public double X { get; set; }
    [Parameter, EditorRequired] public double Y { get; set; }
    [Parameter] public int Size { get; set; } = 12;
    [Parameter, EditorRequired] public string Text { get; set; } = "";

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenElement(0, "text");
        builder.AddAttribute(1, "x", ScoreChart.Css(X) + "%");
        builder.AddAttribute(2, "y", ScoreChart.Css(Y));
        builder.AddAttribute(3, "text-anchor", "middle");
        builder.AddAttribute(4, "font-size", Size);
        builder.AddContent(5, Text);
        builder.CloseElement();
    }
}
