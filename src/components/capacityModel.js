/**
 * The arithmetic behind "electrons into tokens": from facility power (MW) and assumptions to GPUs, tokens per day,
 * energy per million tokens and the revenue the tokens could earn. Pure: numbers in, numbers out.
 */
export function capacityModel({facilityMW, pue, kwPerGpu, gpuCount, tokensPerSecond, utilisation, pricePerMillion}) {
  const itKW = (facilityMW * 1000) / pue;
  const gpusFromPower = itKW / kwPerGpu;
  const gpus = gpuCount ?? gpusFromPower;
  const tokensPerDay = gpus * tokensPerSecond * utilisation * 86400;
  const facilityKWhPerDay = gpus * kwPerGpu * pue * 24;
  const kWhPerMillionTokens = tokensPerDay > 0 ? facilityKWhPerDay / (tokensPerDay / 1e6) : NaN;
  const revenuePerYear = (tokensPerDay / 1e6) * pricePerMillion * 365;
  const ratio = gpuCount ? gpuCount / gpusFromPower : null;
  return {
    gpus,
    gpuSource: gpuCount ? "as reported" : "derived from power ÷ PUE ÷ kW per GPU",
    tokensPerDay,
    kWhPerMillionTokens,
    revenuePerYear,
    consistency: ratio == null
      ? "with no reported GPU count, the model derives one from power."
      : `at these assumptions the reported power feeds ${Math.round(gpusFromPower).toLocaleString("en-US")} GPUs, ${ratio > 1 ? `${ratio.toFixed(2)}× fewer than reported — the power figure may be a first phase, or the GPUs draw less than assumed` : `${(1 / ratio).toFixed(2)}× the reported count — there is headroom for more GPUs, or for cooling and redundancy`}.`
  };
}
