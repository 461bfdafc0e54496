#if NET
using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;

namespace PinterestAds.PowerShell.Loading
{
    /// <summary>
    /// Which <c>runtimes/&lt;rid&gt;/native</c> folders fit this process, most specific first, and the file
    /// names a native library goes by on this operating system.
    /// </summary>
    internal static class NativeRuntimeIdentifiers
    {
        internal static IEnumerable<string> ForThisProcess()
        {
            string architecture = RuntimeInformation.ProcessArchitecture switch
            {
                Architecture.X64 => "x64",
                Architecture.X86 => "x86",
                Architecture.Arm64 => "arm64",
                Architecture.Arm => "arm",
                var other => other.ToString().ToLowerInvariant(),
            };
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows)) yield return "win-" + architecture;
            else if (RuntimeInformation.IsOSPlatform(OSPlatform.OSX)) yield return "osx-" + architecture;
            else
            {
                if (IsMusl()) yield return "linux-musl-" + architecture;
                yield return "linux-" + architecture;
            }
        }

        internal static IEnumerable<string> FileNames(string name)
        {
            yield return name;
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows)) yield return name + ".dll";
            else if (RuntimeInformation.IsOSPlatform(OSPlatform.OSX)) { yield return "lib" + name + ".dylib"; yield return name + ".dylib"; }
            else { yield return "lib" + name + ".so"; yield return name + ".so"; }
        }

        // Alpine and other musl systems ship the musl loader; glibc ones do not.
        private static bool IsMusl()
        {
            try
            {
                return Directory.Exists("/lib") && Directory.GetFiles("/lib", "ld-musl-*").Length > 0;
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                return false;
            }
        }
    }
}
#endif
