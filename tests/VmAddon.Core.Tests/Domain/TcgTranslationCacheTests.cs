using System.Xml.Linq;
using VmAddon.Core.Domain;

namespace VmAddon.Core.Tests.Domain;

public class TcgTranslationCacheTests
{
    [Fact]
    public void Software_emulation_caps_the_translation_cache_so_a_small_guest_stays_small()
    {
        var xml = XElement.Parse(DomainXmlWriter.Write(DomainRenderer.Render(TestVmis.Minimal(), new DomainRenderOptions { SoftwareEmulation = true })));

        var cache = xml.Element("features")!.Element("tcg")!.Element("tb-cache")!;
        cache.Attribute("unit")!.Value.Should().Be("MiB");
        cache.Value.Should().Be("32");
    }

    [Fact]
    public void Kvm_has_no_translation_cache()
    {
        var xml = XElement.Parse(DomainXmlWriter.Write(DomainRenderer.Render(TestVmis.Minimal(), new DomainRenderOptions { SoftwareEmulation = false })));

        xml.Element("features")!.Element("tcg").Should().BeNull();
    }
}
