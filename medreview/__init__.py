"""medreview: a verification station for medical document data entry."""
