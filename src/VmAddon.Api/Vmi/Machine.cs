using VmAddon.Api.Schema;

namespace VmAddon.Api;

/// <summary>The emulated machine.</summary>
public sealed record Machine
{
    [Doc("A QEMU machine type such as q35, pc or pc-q35-7.2. Defaults to q35.")]
    [Pattern("^(q35|pc|pc-q35-[0-9.]+|pc-i440fx-[0-9.]+)$")]
    public string? Type { get; init; }
}
