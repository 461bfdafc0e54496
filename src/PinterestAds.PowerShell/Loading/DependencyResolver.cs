using System;
using System.IO;
using System.Reflection;
#if NET
using System.Runtime.Loader;
#endif

namespace PinterestAds.PowerShell.Loading
{
    /// <summary>
    /// Finds the engine and third-party assemblies that ship in the module's <c>dependencies/</c>
    /// folder.
    /// <para>
    /// PowerShell 7: the cmdlet assembly (module root) loads in the default load context and
    /// references only the engine. When the default context cannot find the engine, this resolver
    /// loads it into <see cref="DependencyLoadContext"/>, which then also serves the engine's own
    /// references (Microsoft.Extensions.* and the rest) from <c>dependencies/</c>. Other modules can
    /// therefore load other versions of those assemblies in the same session, in either order.
    /// </para>
    /// <para>
    /// Windows PowerShell: one AppDomain, no load contexts; the files sit beside the cmdlet
    /// assembly and <see cref="AppDomain.AssemblyResolve"/> only smooths over version differences
    /// that binding redirects would otherwise have to fix.
    /// </para>
    /// </summary>
    internal static class DependencyResolver
    {
        private const string EngineAssemblyName = "PinterestAds.Engine";

        private static readonly object Gate = new object();
        private static bool registered;

        internal static string ModuleFolder { get; } =
            Path.GetDirectoryName(typeof(DependencyResolver).Assembly.Location) ?? string.Empty;

#if NET
        internal static string DependencyFolder { get; } = Path.Combine(ModuleFolder, "dependencies");

        private static readonly Lazy<DependencyLoadContext> LoadContext =
            new Lazy<DependencyLoadContext>(() => new DependencyLoadContext(DependencyFolder));

        internal static void Register()
        {
            lock (Gate)
            {
                if (registered) return;
                AssemblyLoadContext.Default.Resolving += ResolveFromDefaultContext;
                registered = true;
            }
        }


        // Only the engine is handed over: anything else the default context misses is not ours,
        // and answering for it would leak our private copies into other modules.
        private static Assembly? ResolveFromDefaultContext(AssemblyLoadContext context, AssemblyName name)
        {
            if (!string.Equals(name.Name, EngineAssemblyName, StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            return LoadContext.Value.LoadFromAssemblyName(name);
        }
#else
        internal static void Register()
        {
            lock (Gate)
            {
                if (registered) return;
                AppDomain.CurrentDomain.AssemblyResolve += ResolveFromModuleFolder;
                registered = true;
            }
        }


        // Windows PowerShell has no binding redirects for a module: when a dependency asks for a
        // version other than the one shipped, hand it the shipped file if its version is at least
        // the one asked for.
        private static Assembly? ResolveFromModuleFolder(object? sender, ResolveEventArgs args)
        {
            var requested = new AssemblyName(args.Name);
            string candidate = Path.Combine(ModuleFolder, requested.Name + ".dll");
            if (!File.Exists(candidate))
            {
                return null;
            }

            AssemblyName shipped = AssemblyName.GetAssemblyName(candidate);
            if (requested.Version != null && shipped.Version != null && shipped.Version < requested.Version)
            {
                return null;
            }

            return Assembly.LoadFrom(candidate);
        }
#endif
    }
}
