using VmAddon.Api.Schema;

namespace VmAddon.Api.Tests.Schema;

public sealed class GoValueFormatTests
{
    [Theory]
    [InlineData(1.0, "1")]
    [InlineData(1.5, "1.5")]
    [InlineData(-0.25, "-0.25")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(0.00001, "1e-05")]
    [InlineData(123456.0, "123456")]
    [InlineData(1000000.0, "1e+06")]
    [InlineData(1234567.5, "1.2345675e+06")]
    public void Floats_Print_As_Go_Prints_A_Float64(double value, string expected) =>
        GoValueFormat.Float(value).Should().Be(expected);

    [Theory]
    [InlineData("plain", "\"plain\"")]
    [InlineData("say \"hi\"", "\"say \\\"hi\\\"\"")]
    [InlineData("tab\there", "\"tab\\there\"")]
    [InlineData("bell\a", "\"bell\\a\"")]
    [InlineData("ünï", "\"ünï\"")]
    public void Strings_Are_Quoted_As_Go_Quotes_Them(string value, string expected) =>
        GoValueFormat.Quote(value).Should().Be(expected);
}
