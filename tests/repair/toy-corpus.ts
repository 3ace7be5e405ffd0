/** Test helper: the toy corpus the n-gram tests train on (six administrative sentences). */
export const TOY_SENTENCES = [
  'ủy ban nhân dân tỉnh ban hành kế hoạch',
  'ủy ban nhân dân huyện ban hành quyết định',
  'hội đồng nhân dân tỉnh ban hành nghị quyết',
  'kế hoạch thực hiện chương trình mục tiêu quốc gia',
  'ủy ban nhân dân xã thực hiện kế hoạch',
  'sở kế hoạch và đầu tư chủ trì thực hiện',
] as const;
