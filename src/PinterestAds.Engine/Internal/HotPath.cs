using System.Runtime.CompilerServices;

namespace PinterestAds.Engine.Internal
{
    /// <summary>
    /// <c>MethodImplOptions.AggressiveOptimization</c>, which netstandard2.0's enum lacks. A method marked with it
    /// is compiled fully optimised on its first call instead of after the runtime's warm-up, which matters for
    /// loops that run once per command over many values (a sync lands each window once). .NET Core 3 and later
    /// honour it; .NET Framework ignores the flag.
    /// </summary>
    internal static class HotPath
    {
        public const MethodImplOptions Optimised = (MethodImplOptions)512;
    }
}
