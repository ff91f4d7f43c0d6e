using System.Text.Json;

namespace VmAddon.Launcher.Disks;

/// <summary>Reads the format of a disk image from <c>qemu-img info --output=json</c>, which is what qcow2 overlays must name as -F.</summary>
internal static class ImageFormat
{
    /// <exception cref="LauncherException">The output is not qemu-img's JSON or names no format.</exception>
    public static string FromQemuImgInfo(string json, string imagePath)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("format", out var format)
                && format.ValueKind == JsonValueKind.String
                && format.GetString() is { Length: > 0 } name)
            {
                return name;
            }
        }
        catch (JsonException)
        {
            // Reported below, with the same message as a missing field.
        }

        throw new LauncherException($"qemu-img info did not report the format of {imagePath}.");
    }
}
