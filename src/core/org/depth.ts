// How deep the tree of units may go. Vietnam's administration is at most five levels (nation, province,
// district until 7/2025, commune, and the units under a department); a file chaining thousands of units
// under one another is not an organisation, and each level lengthens every descendant's stored path.

export const MAX_UNIT_DEPTH = 12;
