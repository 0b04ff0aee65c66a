using Platform.ServiceDefaults.Text;

namespace Platform.ServiceDefaults.Tests.Text;

public sealed class VietnameseTextTests
{
    [Theory]
    [InlineData("Nguyễn Văn An", "nguyen van an")]
    [InlineData("  ĐĂNG KÝ   kết hôn ", "dang ky ket hon")]
    [InlineData("Đỗ Thị Đào", "do thi dao")]
    [InlineData("Trương Ưng Ấu", "truong ung au")]
    [InlineData("Nguye\u0302\u0303n", "nguyen")] // decomposed input folds the same
    [InlineData("0909 123 456", "0909 123 456")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Fold_drops_case_marks_and_extra_spaces(string? text, string folded)
    {
        Assert.Equal(folded, VietnameseText.Fold(text));
    }

    [Fact]
    public void Matches_ignores_case_and_diacritics_both_ways()
    {
        Assert.True(VietnameseText.Matches("Nguyễn Văn An", "nguyen van"));
        Assert.True(VietnameseText.Matches("Đăng ký kết hôn", "Dang Ký  ket"));
        Assert.False(VietnameseText.Matches("Đăng ký khai sinh", "ket hon"));
    }

    [Fact]
    public void Order_is_the_Vietnamese_alphabet()
    {
        string[] names = ["Đại Điền", "Bình Thành", "Ân Thạnh", "Dương Kế", "An Hiệp"];

        Assert.Equal(["An Hiệp", "Ân Thạnh", "Bình Thành", "Dương Kế", "Đại Điền"], names.Order(VietnameseText.Order));
    }
}
