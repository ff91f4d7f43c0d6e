using System.Text.Json.Nodes;
using VmAddon.Api.Manifests;
using VmAddon.Api.Schema;

namespace VmAddon.Api.Tests.Schema;

public class YamlWriterRoundTripTests
{
    [Theory]
    [InlineData("#!/bin/sh\necho hello\n")]
    [InlineData("line one\n\nline three")]
    [InlineData("trailing space \nsecond")]
    [InlineData(" leading space\nsecond\n")]
    [InlineData("ends with blank lines\n\n\n")]
    [InlineData("7d374961-bc6c-5923-8b79-b89eabe4756f")]
    [InlineData("2025-01-01")]
    [InlineData("1e3")]
    [InlineData("0.5")]
    [InlineData("-1")]
    [InlineData("-flag")]
    [InlineData("128Mi")]
    [InlineData("on")]
    public void A_string_reads_back_as_the_same_string(string text)
    {
        var yaml = YamlWriter.Write(new JsonObject { ["value"] = text });

        var read = YamlManifestReader.Read(yaml).Documents.Single().Content!["value"]!;

        read.GetValue<string>().Should().Be(text, because: $"the YAML was:\n{yaml}");
    }

    [Fact]
    public void Multi_line_text_is_written_as_a_literal_block() =>
        YamlWriter.Write(new JsonObject { ["userData"] = "#!/bin/sh\necho hello\n" }).Should().Be("userData: |\n  #!/bin/sh\n  echo hello\n");

    [Theory]
    [InlineData("7d374961-bc6c-5923-8b79-b89eabe4756f")]
    [InlineData("128Mi")]
    [InlineData("vmaddon/guest:latest")]
    public void Plain_words_are_not_quoted(string text) =>
        YamlWriter.Write(new JsonObject { ["value"] = text }).Should().Be($"value: {text}\n");
}
