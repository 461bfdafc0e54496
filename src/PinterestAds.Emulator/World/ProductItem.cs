namespace PinterestAds.Emulator.World;

/// <summary>
/// A catalogue product item promoted through a product group. A product group's delivery is split
/// exactly across its items, so PRODUCT_ITEM rows add up to their PRODUCT_GROUP rows.
/// </summary>
internal sealed class ProductItem
{
    public required ProductGroup ProductGroup { get; init; }
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string Brand { get; init; }
    public required string ProductType { get; init; }
    public required string Category { get; init; }
    public required double Price { get; init; }
    public required double? SalePrice { get; init; }
    /// <summary>Position among the product group's items (the split index).</summary>
    public required int Index { get; init; }
}
