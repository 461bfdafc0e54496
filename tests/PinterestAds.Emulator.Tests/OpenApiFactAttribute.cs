namespace PinterestAds.Emulator.Tests;

/// <summary>A theory that is skipped, with a clear message, when openapi.json is not available.</summary>
public sealed class OpenApiTheoryAttribute : TheoryAttribute
{
    public OpenApiTheoryAttribute()
    {
        if (!OpenApiSchemas.Available) Skip = OpenApiSchemas.MissingMessage;
    }
}

/// <summary>A fact that is skipped, with a clear message, when openapi.json is not available.</summary>
public sealed class OpenApiFactAttribute : FactAttribute
{
    public OpenApiFactAttribute()
    {
        if (!OpenApiSchemas.Available) Skip = OpenApiSchemas.MissingMessage;
    }
}
