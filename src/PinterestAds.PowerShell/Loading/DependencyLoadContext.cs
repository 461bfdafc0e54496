#if NET
using System;
using System.IO;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;

namespace PinterestAds.PowerShell.Loading
{
    /// <summary>
    /// The module's private load context (PowerShell 7): the engine and every third-party
    /// assembly from <c>dependencies/</c> live here, whatever versions the session already has.
    /// Assemblies of the .NET shared framework are left to the default context, so types such as
    /// <see cref="System.Text.Json.JsonElement"/> or <see cref="Uri"/> stay the same types the cmdlets
    /// and PowerShell see.
    /// </summary>
    internal sealed class DependencyLoadContext : AssemblyLoadContext
    {
        private static readonly string FrameworkFolder =
            Path.GetDirectoryName(typeof(object).Assembly.Location) ?? string.Empty;

        private readonly string dependencyFolder;

        internal DependencyLoadContext(string dependencyFolder)
            : base("PinterestAds", isCollectible: false)
        {
            this.dependencyFolder = dependencyFolder;
        }

        protected override Assembly? Load(AssemblyName assemblyName)
        {
            if (string.IsNullOrEmpty(assemblyName.Name) || IsFrameworkAssembly(assemblyName.Name!))
            {
                return null;
            }

            string candidate = Path.Combine(dependencyFolder, assemblyName.Name + ".dll");
            return File.Exists(candidate) ? LoadFromAssemblyPath(candidate) : null;
        }

        /// <summary>
        /// Native libraries of the dependencies (SQLite's e_sqlite3): the runtime asks this context when an
        /// assembly loaded here calls into one, and the application's own probing does not know
        /// <c>dependencies/</c>. The build copies <c>runtimes/&lt;rid&gt;/native/</c> there.
        /// </summary>
        protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
        {
            foreach (string rid in NativeRuntimeIdentifiers.ForThisProcess())
            {
                string folder = Path.Combine(dependencyFolder, "runtimes", rid, "native");
                foreach (string file in NativeRuntimeIdentifiers.FileNames(unmanagedDllName))
                {
                    string candidate = Path.Combine(folder, file);
                    if (File.Exists(candidate)) return LoadUnmanagedDllFromPath(candidate);
                }
            }
            return IntPtr.Zero;
        }

        private static bool IsFrameworkAssembly(string simpleName)
        {
            return File.Exists(Path.Combine(FrameworkFolder, simpleName + ".dll"));
        }
    }
}
#endif
