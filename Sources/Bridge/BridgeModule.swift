/// Namespace placeholder until the stock feed lands.
public enum BridgeModule {}
