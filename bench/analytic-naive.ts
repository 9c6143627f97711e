// A straightforward reference of the analytic model: objects, Math.random, one step per minute.
// What a first implementation usually looks like; the bench shows what the engine's design buys.
class Sensor {
  constructor(private readonly perMinute: number) {}
  alarm(): boolean {
    return Math.random() < this.perMinute;
  }
}

class Classifier {
  constructor(private readonly falsePositive: number) {}
  saysHostile(): boolean {
    return Math.random() < this.falsePositive;
  }
}

class Human {
  constructor(private readonly miss: number) {}
  misses(): boolean {
    return Math.random() < this.miss;
  }
}

export function analyticNaive(
  trials: number,
  l: number,
  f: number,
  m: number,
  days: number,
): number {
  const sensor = new Sensor(l / 1440);
  const classifier = new Classifier(f);
  const human = new Human(m);
  let uses = 0;
  for (let i = 0; i < trials; i++) {
    for (let minute = 0; minute < days * 1440; minute++) {
      if (sensor.alarm() && classifier.saysHostile() && human.misses()) {
        uses++;
        break;
      }
    }
  }
  return uses;
}
