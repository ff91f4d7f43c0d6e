using System.Runtime.Versioning;

// vmaddon-dev declares itself Linux-only (it runs pods as Linux processes), so its tests are too; without
// this every call into it is a CA1416 error. The attribute allows repeats, so a copy in the project file is harmless.
[assembly: SupportedOSPlatform("linux")]
